package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Procedures deployed over the engine REST API as Camunda Modeler deploys them, made from a shipped model. */
public final class ModelerDeployments {

    private ModelerDeployments() {
    }

    /**
     * A copy of household business registration under another key, code and form ids ({@code <formPrefix>.bpmn},
     * {@code <formPrefix>-submission.form}, {@code <formPrefix>-appraisal.form}), with further replacements in the model.
     */
    public static Map<String, String> householdBusinessCopy(String key, String formPrefix, String code,
            Map<String, String> replacements) {
        String bpmn = read("processes/procedures/household-business-registration.bpmn")
                .replace("household_business_registration", key)
                .replace("household-business-registration", formPrefix)
                .replace("value=\"2.000720\"", "value=\"" + code + "\"");
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            bpmn = bpmn.replace(replacement.getKey(), replacement.getValue());
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(formPrefix + ".bpmn", bpmn);
        // Its result template travels with it, renamed with the model (procedure.resultTemplate).
        files.put(formPrefix + ".result.xhtml", read("processes/procedures/household-business-registration.result.xhtml"));
        String forms = "forms/procedures/household-business-registration/household-business-registration";
        files.put(formPrefix + "-submission.form", read(forms + "-submission.form").replace("household-business-registration", formPrefix));
        files.put(formPrefix + "-appraisal.form", read(forms + "-appraisal.form").replace("household-business-registration", formPrefix));
        return files;
    }

    /** {@code POST /engine-rest/deployment/create}, multipart, as this client. */
    public static ResponseEntity<JsonNode> deploy(TestRestTemplate client, String name, Map<String, String> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "true");
        files.forEach((file, content) -> parts.add(file, IntegrationTest.file(file, content.getBytes(StandardCharsets.UTF_8))));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
