package org.dcis.cooperation.cases;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.platform.outbox.Outbox;

/**
 * Announces case and action changes on dcis.cooperation.v1 through the platform's outbox, in the
 * transaction of the change: the event exists if and only if the change committed. The platform's relay
 * sends it (structured-mode CloudEvent, source {@code /dcis/cooperation-service}).
 */
@ApplicationScoped
public class CooperationEvents {
    public static final String TOPIC = "dcis.cooperation.v1";

    private final Outbox outbox;

    CooperationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param type    e.g. {@code case.opened}
     * @param caseId  the Kafka key: every event of one case lands on one partition, in order
     * @param subject the case or action the event is about
     * @param data    the snapshot carried by the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, UUID caseId, UUID subject, Object data) {
        outbox.append(TOPIC, caseId.toString(), type, subject.toString(), data);
    }
}
