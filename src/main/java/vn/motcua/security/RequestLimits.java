package vn.motcua.security;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits on what a request may make the application read: a body size for everything but
 * multipart uploads (which Spring's multipart limits cap), and Jackson's nesting depth and string
 * length, so a hostile JSON document is refused before it costs memory.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    static final int MAX_JSON_DEPTH = 64;
    static final int MAX_JSON_STRING = 1_000_000;

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(SecurityProperties settings, ObjectMapper json) {
        FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(
                new BodySizeFilter(settings.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.postConfigurer(mapper -> {
            JsonFactory factory = mapper.getFactory();
            factory.setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_JSON_DEPTH)
                    .maxStringLength(MAX_JSON_STRING)
                    .build());
        });
    }

    static final class BodySizeFilter extends OncePerRequestFilter {

        private final long maxBytes;
        private final ObjectMapper json;

        BodySizeFilter(long maxBytes, ObjectMapper json) {
            this.maxBytes = maxBytes;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
            if (!multipart && request.getContentLengthLong() > maxBytes) {
                // The client may still be sending: say so, so that it stops.
                response.setHeader("Connection", "close");
                refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                        "Nội dung yêu cầu quá lớn / The request body exceeds " + maxBytes + " bytes");
                return;
            }
            // Query and form parameters of our own pages and APIs; Camunda's REST resources read
            // their forms themselves, so their bodies are left unread here.
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!multipart && !path.startsWith("/camunda/") && !path.startsWith("/engine-rest/")
                    && request.getParameterMap().entrySet().stream().anyMatch(parameter ->
                            ControlCharacters.hasControlCharacter(parameter.getKey())
                                    || java.util.Arrays.stream(parameter.getValue()).anyMatch(ControlCharacters::hasControlCharacter))) {
                refuse(response, HttpStatus.BAD_REQUEST, "Control characters",
                        "Văn bản chứa ký tự điều khiển / A parameter contains control characters");
                return;
            }
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail)
                throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), AccessRefusedException.problem(status, title, detail));
        }
    }
}
