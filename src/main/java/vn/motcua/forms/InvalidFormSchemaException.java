package vn.motcua.forms;

/** A Camunda Form whose JSON cannot be read as a form-js schema; the message names the form and the component. */
public class InvalidFormSchemaException extends RuntimeException {

    public InvalidFormSchemaException(String message) {
        super(message);
    }

    public InvalidFormSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
