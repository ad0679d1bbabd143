-- A post id is as long as posts-service allows it (48 characters: the platform's FieldLengths.POST_ID, checked
-- against these columns by FieldLengthsTest). The directory stopped at 40, so an event of a longer post id
-- failed for good. Widening a VARCHAR is a catalogue change in PostgreSQL: no table rewrite.
ALTER TABLE directory_post ALTER COLUMN id TYPE VARCHAR(48);
ALTER TABLE cooperation_case ALTER COLUMN lead_post TYPE VARCHAR(48);
