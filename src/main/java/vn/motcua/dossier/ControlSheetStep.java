package vn.motcua.dossier;

/** An open step of a dossier: its name and who holds it (an assignee, or its candidate groups). */
record ControlSheetStep(String name, String holder) {
}
