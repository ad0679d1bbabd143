package org.dcis.platform.consumer;

import java.util.Locale;

/**
 * A record that can never be applied, whatever the number of tries: it goes to the consumer's dead-letter
 * topic, its reason in the record's headers ({@code dead-letter-reason}, {@code dcis-dead-letter-kind}), and
 * the consumer goes on with the next record. Thrown by a consumer that reads a record it cannot use, or made by
 * {@link ResilientConsumer} from a failure that will repeat (a constraint or a data type the record breaks).
 */
public class DeadLetter extends RuntimeException {
    /** The header naming the kind of refusal, beside SmallRye's {@code dead-letter-reason}. */
    public static final String KIND_HEADER = "dcis-dead-letter-kind";

    /** Why a record cannot be applied. */
    public enum Kind {
        /** not an event at all: no CloudEvent, no JSON, unreadable data */
        PARSE,
        /** an event, but not one this consumer knows: unknown type, missing or invalid fields */
        SHAPE,
        /** the database refused a value (too long, out of range: SQLSTATE class 22) */
        DATA,
        /** the database refused the change (unique, foreign key, check, not null: SQLSTATE class 23) */
        CONSTRAINT,
        /** an unexpected failure that repeated on every try */
        UNEXPECTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String reason;

    public DeadLetter(Kind kind, String reason) {
        this(kind, reason, null);
    }

    public DeadLetter(Kind kind, String reason, Throwable cause) {
        super(kind.label() + ": " + reason, cause, false, false);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
