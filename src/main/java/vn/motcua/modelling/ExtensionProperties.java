package vn.motcua.modelling;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The Camunda extension properties (Modeler: Extensions > Properties) of one BPMN element. */
public final class ExtensionProperties {

    private ExtensionProperties() {
    }

    /**
     * Name to trimmed value, in document order. Properties without a name or with a blank value are
     * skipped: a Modeler element template writes {@code value=""} for a field left empty, which means unset.
     */
    public static Map<String, String> of(BaseElement element) {
        Map<String, String> properties = new LinkedHashMap<>();
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return properties;
        }
        for (CamundaProperties group : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty property : group.getCamundaProperties()) {
                if (property.getCamundaName() != null && property.getCamundaValue() != null
                        && !property.getCamundaValue().isBlank()) {
                    properties.put(property.getCamundaName().strip(), property.getCamundaValue().strip());
                }
            }
        }
        return properties;
    }
}
