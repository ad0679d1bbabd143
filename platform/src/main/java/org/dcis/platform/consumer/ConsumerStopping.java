package org.dcis.platform.consumer;

/**
 * The service stops while a record waits for a transient failure to pass: the record is neither applied nor
 * dead-lettered, and its offset is not committed, so the next start receives it again.
 */
public class ConsumerStopping extends RuntimeException {
    public ConsumerStopping(String record) {
        super("stopping before " + record + " could be applied; it will be received again", null, false, false);
    }
}
