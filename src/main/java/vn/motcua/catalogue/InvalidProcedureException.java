package vn.motcua.catalogue;

/** A deployed model whose procedure metadata cannot be read; names the resource and the element. */
public class InvalidProcedureException extends RuntimeException {

    public InvalidProcedureException(String resource, String element, String problem) {
        super(resource + " (" + element + "): " + problem);
    }
}
