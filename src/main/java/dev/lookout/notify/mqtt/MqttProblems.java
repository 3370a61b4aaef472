package dev.lookout.notify.mqtt;

import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import dev.lookout.capture.UrlRedaction;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;

/** Turns the client library's exceptions into one line a user can act on (never with a credential in it). */
final class MqttProblems {

    /** The text that starts the reason when the broker refused the user name or password. */
    static final String REFUSED_CREDENTIALS = "the broker refused the user name or password";

    private MqttProblems() {
    }

    /** Why the connection was lost or refused. */
    static String describe(Throwable cause) {
        Throwable t = cause;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t == null) {
            return "the connection was closed";
        }
        if (t instanceof Mqtt3ConnAckException e) {
            Mqtt3ConnAckReturnCode code = e.getMqttMessage().getReturnCode();
            return code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
                    || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED
                    ? refused(code.name()) : "the broker refused the connection (" + code + ")";
        }
        if (t instanceof Mqtt5ConnAckException e) {
            Mqtt5ConnAckReasonCode code = e.getMqttMessage().getReasonCode();
            return code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD
                    || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED
                    ? refused(code.name()) : "the broker refused the connection (" + code + ")";
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return "cannot reach the broker (" + UrlRedaction.redact(c.getMessage()) + ")";
            }
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return UrlRedaction.redact(message);
    }

    private static String refused(String code) {
        return REFUSED_CREDENTIALS + " (" + code + "): " + MqttSettings.FILE_LOGIN_HINT;
    }
}
