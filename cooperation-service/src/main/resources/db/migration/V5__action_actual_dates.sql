-- An action never ends before it starts, nor ends without having started, whatever writes the row (the domain
-- checks it first: CooperationAction; ActionConstraints names the refusal if the database meets it first).
ALTER TABLE cooperation_action ADD CONSTRAINT cooperation_action_actual_dates
    CHECK (actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start));
