package io.snackbase.api.mail;

/**
 * What became of one send. Immutable.
 *
 * @param sent true when the transport accepted the message
 * @param transport the id of the transport that handled it (or was asked to)
 * @param error why it was not sent, or null when it was
 */
public record MailDelivery(boolean sent, String transport, String error) {
}
