package vn.motcua.checks;

/**
 * One broken rule: where (file, element id and name) and how to fix it, in Vietnamese then English.
 *
 * @param element the id of the BPMN/DMN element or form; the file itself when the problem is the whole file
 */
public record Violation(String file, String element, String elementName, String vi, String en) {

    /** One line as Camunda Modeler and the build show it. */
    public String message() {
        String where = elementName == null || elementName.isBlank() ? element : element + " \u00ab" + elementName + "\u00bb";
        return file + " \u203a " + where + ": " + vi + " / " + en;
    }

    @Override
    public String toString() {
        return message();
    }
}
