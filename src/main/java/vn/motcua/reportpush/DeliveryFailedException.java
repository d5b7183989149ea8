package vn.motcua.reportpush;

/** The receiver did not accept a report: the engine job fails and is retried. */
class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String deliveryId, int attempt, String error) {
        super("report delivery " + deliveryId + " attempt " + attempt + " failed: " + error);
    }
}
