package vn.motcua;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "motcua API", version = "v1",
        description = "Electronic one-stop shop: procedure catalogue, dossier submission and tracking"))
public class MotcuaApplication {

    public static void main(String[] args) {
        // The engine stores timestamps without a zone: every node must agree on UTC.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
