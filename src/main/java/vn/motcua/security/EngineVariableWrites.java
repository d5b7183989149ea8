package vn.motcua.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import vn.motcua.forms.FormField;
import vn.motcua.forms.FormSchema;
import vn.motcua.web.ProblemTexts;

/**
 * Process variables through the engine REST API and the webapps' copy of it ({@code /camunda/api/engine})
 * (issue 15 items 3 and 4). Camunda lets anyone who may update a task write any variable of its
 * process, which moved dossiers to other units. Here:
 * <ul>
 * <li>an officer completes a task ({@code complete}, {@code submit-form}, {@code resolve}) with the
 * fields of its own form only, and never with a routing or identity variable ({@link #ROUTING});</li>
 * <li>an officer writes no variable directly (task, execution, process instance; local or not; set,
 * modify, delete, binary data): motcua's officers change dossiers by completing their tasks;</li>
 * <li>administrators may repair variables (Cockpit), but not the routing and identity ones;</li>
 * <li>for everyone: an {@code Object} value must be JSON of a type the engine's deserialization
 * allow-list accepts; Java-serialized values and any other format are refused (400) before the
 * engine stores what it could never read again.</li>
 * </ul>
 * Our own code (delegates, listeners, services) writes variables through the Java API and is not
 * affected.
 */
@Configuration(proxyBeanMethods = false)
class EngineVariableWrites {

    /**
     * Variables our own code sets and routes or identifies a dossier by: {@code DossierManagement}
     * (unit, deciding unit and, in the procedure's model, the receiving unit; procedure, result channel, supplement timeout), {@code Payments} (fee), SLA (late dossier
     * decisions, apology letters), report push (period, deliveries).
     */
    static final Set<String> ROUTING = Set.of("unit", "decidingUnit", "receivingUnit", "procedureKey", "procedureVersion", "resultChannel",
            "supplementTimeout", "feeAmount", "paymentStage", "lateDossierDecidedBy", "apologyLetterNumber",
            "periodType", "periodFrom", "deliveryIds", "dossierCode");

    /**
     * Read-only form fields an officer's completion sends back as what the officer saw, which the process checks
     * itself instead: the head's approval carries the SHA-256 of the drafted result the head read, and the
     * approval's listener refuses it (409, with the reason) when the draft changed since
     * ({@code results.ResultDelegates}). Refused here, the head would only read that the variable is the system's.
     */
    static final Set<String> CLAIMS = Set.of("resultDraftSha256");

    /** The engine REST API's two mounts; what follows is the resource path. */
    private static final Pattern MOUNT = Pattern.compile("^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern VARIABLE = Pattern.compile(
            "^/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/([^/]+)(/data)?)?/?$");
    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");
    /** Where engine REST bodies carry variables by name (start, correlate, signal, modify, complete...). */
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
            "processVariablesLocal", "processVariablesToTriggeredScope", "localVariables");
    private static final String JSON_FORMAT = "application/json";
    private static final Pattern OBJECT_VALUE_TYPE = Pattern.compile(
            "name=\"valueType\"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n\\s*Object\\s*\r\n", Pattern.CASE_INSENSITIVE);

    @Bean
    FilterRegistrationBean<Filter> engineVariableWritesFilter(ObjectProvider<ProcessEngine> engine, ObjectMapper json,
            MessageSource messages, vn.motcua.security.SecurityProperties settings) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new Filter(engine, json, messages, settings.maxBodySize().toBytes()));
        registration.setName("motcua-engine-variable-writes");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // After Spring Security (the officer), before Camunda's own REST filters.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectProvider<ProcessEngine> engine;
        private final ObjectMapper json;
        private final MessageSource messages;
        private final long maxBytes;

        Filter(ObjectProvider<ProcessEngine> engine, ObjectMapper json, MessageSource messages, long maxBytes) {
            this.engine = engine;
            this.json = json;
            this.messages = messages;
            this.maxBytes = maxBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String method = request.getMethod();
            Matcher mount = MOUNT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            if (!mount.matches() || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
                chain.doFilter(request, response);
                return;
            }
            String resource = mount.group(3);
            boolean admin = isAdmin(request);
            Matcher variable = VARIABLE.matcher(resource);
            if (variable.matches()) {
                String name = variable.group(4) == null ? null : URLDecoder.decode(variable.group(4), StandardCharsets.UTF_8);
                if (name != null && !admin) {
                    refuse(response, HttpStatus.FORBIDDEN, "security.variables.officerWrite", name);
                    return;
                }
                if (name != null && ROUTING.contains(name)) {
                    refuse(response, HttpStatus.FORBIDDEN, "security.variables.routing", name);
                    return;
                }
                if (variable.group(5) != null) { // binary data: multipart, its value type a part of its own
                    byte[] upload = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (upload.length > maxBytes) {
                        response.setHeader("Connection", "close");
                        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "security.tooLarge", maxBytes);
                        return;
                    }
                    if (isObjectUpload(upload)) {
                        refuse(response, HttpStatus.BAD_REQUEST, "security.variables.serialized", name);
                        return;
                    }
                    chain.doFilter(new Replayed(request, upload), response);
                    return;
                }
            }
            if (!isJson(request)) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                response.setHeader("Connection", "close");
                refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "security.tooLarge", maxBytes);
                return;
            }
            JsonNode tree;
            try {
                tree = body.length == 0 ? json.nullNode() : json.readTree(body);
            } catch (JsonProcessingException malformed) {
                chain.doFilter(new Replayed(request, body), response); // Camunda answers its own 400
                return;
            }
            Optional<Refusal> refusal = variable.matches()
                    ? checkVariableWrite(variable.group(4) == null ? null
                            : URLDecoder.decode(variable.group(4), StandardCharsets.UTF_8), tree, admin)
                    : checkOtherWrite(resource, tree, admin);
            if (refusal.isPresent()) {
                refuse(response, refusal.get().status(), refusal.get().key(), refusal.get().argument());
                return;
            }
            chain.doFilter(new Replayed(request, body), response);
        }

        /** PUT .../variables/{name} (one value) or POST .../variables (modifications and deletions). */
        private Optional<Refusal> checkVariableWrite(String name, JsonNode tree, boolean admin) {
            if (name != null) {
                return checkValue(name, tree);
            }
            List<String> names = new ArrayList<>();
            tree.path("modifications").fieldNames().forEachRemaining(names::add);
            tree.path("deletions").forEach(deleted -> names.add(deleted.asText()));
            for (String written : names) {
                if (!admin) {
                    return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "security.variables.officerWrite", written));
                }
                if (ROUTING.contains(written)) {
                    return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "security.variables.routing", written));
                }
            }
            return checkValues(tree.path("modifications"));
        }

        /** Any other write: completions, starts, correlations, modifications... */
        private Optional<Refusal> checkOtherWrite(String resource, JsonNode tree, boolean admin) {
            List<JsonNode> maps = new ArrayList<>();
            collectVariableMaps(tree, maps, 0);
            Matcher completion = COMPLETION.matcher(resource);
            String taskId = completion.matches() ? completion.group(1) : null;
            Map<String, Boolean> formFields = taskId != null && !admin ? formFields(taskId) : null;
            for (JsonNode map : maps) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String name = field.getKey();
                    if (formFields != null && !formFields.containsKey(name)) {
                        return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "security.variables.notInForm", name));
                    }
                    // A form shows some of these read-only (the dossier's code, an earlier decision) and
                    // Tasklist sends them back as they are: the same value passes, another does not.
                    boolean fixed = ROUTING.contains(name)
                            || formFields != null && formFields.get(name) && !CLAIMS.contains(name);
                    if (fixed && !admin && !(taskId != null && unchanged(taskId, name, field.getValue()))) {
                        return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "security.variables.routing", name));
                    }
                }
                Optional<Refusal> value = checkValues(map);
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }

        private static void collectVariableMaps(JsonNode node, List<JsonNode> maps, int depth) {
            if (depth > 8) {
                return;
            }
            if (node.isObject()) {
                node.fields().forEachRemaining(field -> {
                    if (VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
                        maps.add(field.getValue());
                    } else {
                        collectVariableMaps(field.getValue(), maps, depth + 1);
                    }
                });
            } else if (node.isArray()) {
                node.forEach(element -> collectVariableMaps(element, maps, depth + 1));
            }
        }

        /**
         * The fields of the task's form, each with whether the form shows it read-only; {@code null}
         * (no restriction beyond {@link #ROUTING}) when the task has none or is not there (the engine
         * answers that itself).
         */
        private Map<String, Boolean> formFields(String taskId) {
            try (InputStream form = engine.getObject().getFormService().getDeployedTaskForm(taskId)) {
                String schema = new String(form.readAllBytes(), StandardCharsets.UTF_8);
                return FormSchema.parse(schema).fields().stream().collect(Collectors.toMap(FormField::key,
                        field -> field.readonly() || field.disabled(), (one, other) -> one || other));
            } catch (IOException | RuntimeException noForm) { // no form, no task, not allowed: the engine answers
                return null;
            }
        }

        /** Whether the value sent is the variable's current value (as text: JSON numbers and strings alike). */
        private boolean unchanged(String taskId, String name, JsonNode sent) {
            Object current;
            try {
                current = engine.getObject().getTaskService().getVariable(taskId, name);
            } catch (RuntimeException unreadable) {
                return false;
            }
            JsonNode value = sent.path("value");
            if (value.isMissingNode() || value.isNull()) {
                return current == null;
            }
            return current != null && value.isValueNode() && value.asText().equals(String.valueOf(current));
        }

        private Optional<Refusal> checkValues(JsonNode map) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<Refusal> refusal = checkValue(field.getKey(), field.getValue());
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        }

        /** An Object value: JSON of allow-listed types, or nothing. */
        private Optional<Refusal> checkValue(String name, JsonNode value) {
            if (!"object".equals(value.path("type").asText("").toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            JsonNode info = value.path("valueInfo");
            String format = info.path("serializationDataFormat").asText(JSON_FORMAT);
            if (!JSON_FORMAT.equals(format)) {
                return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "security.variables.serialized", name));
            }
            String typeName = info.path("objectTypeName").asText("");
            if (typeName.isBlank() || !allowed(typeName)) {
                return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "security.variables.type", name + ": " + typeName));
            }
            JsonNode serialized = value.path("value");
            if (serialized.isTextual()) {
                try {
                    json.readTree(serialized.asText());
                } catch (JsonProcessingException notJson) {
                    return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "security.variables.type", name + ": " + typeName));
                }
            }
            return Optional.empty();
        }

        /** Every class a Jackson type name names ({@code java.util.ArrayList<java.lang.String>}) passes the engine's allow-list. */
        private boolean allowed(String typeName) {
            DeserializationTypeValidator validator = ((ProcessEngineConfigurationImpl) engine.getObject()
                    .getProcessEngineConfiguration()).getDeserializationTypeValidator();
            for (String className : typeName.split("[<>,\\s\\[\\]]+")) {
                if (className.isEmpty()) {
                    continue;
                }
                if (!className.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*") || validator != null && !validator.validate(className)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A multipart upload whose {@code valueType} part says Object: a serialized object (Java or
         * other), which the engine would store unread. Read from the bytes, not with
         * {@code getPart}, which would consume the body Camunda's resource reads itself.
         */
        private static boolean isObjectUpload(byte[] body) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            return OBJECT_VALUE_TYPE.matcher(text).find();
        }

        private static boolean isJson(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).contains("json");
        }

        /** The officer: Spring Security's login (HTTP Basic, page session, OIDC) or the webapps' own session. */
        private static boolean isAdmin(HttpServletRequest request) {
            Optional<Officer> officer = UnitAccess.officerOf(
                    org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
            if (officer.isPresent()) {
                return officer.get().isAdmin();
            }
            var session = request.getSession(false);
            if (session == null) {
                return false;
            }
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            return authentications != null && authentications.getAuthentications().stream()
                    .anyMatch(user -> user.getGroupIds() != null && user.getGroupIds().contains(Officer.ADMIN_GROUP));
        }

        private void refuse(HttpServletResponse response, HttpStatus status, String key, Object argument)
                throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    new ProblemTexts(messages).problem(status, "security.variables.title", key, argument));
        }
    }

    private record Refusal(HttpStatus status, String key, Object argument) {
    }

    /** The body read for the checks, handed on unchanged to Camunda's resources. */
    static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
