package vn.motcua.reportpush;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The published JSON Schema of the dossier feed's payload, as a receiver would check it. */
final class DossierEventSchema {

    static final String RESOURCE = "/reportpush/dossier-event-1.schema.json";

    private static final Schema SCHEMA = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DossierEventSchema() {
    }

    /** What is wrong with a body, by the schema: nothing when it validates. */
    static List<String> violations(byte[] body) {
        try {
            return SCHEMA.validate(JSON.readTree(body)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        try (InputStream in = DossierEventSchema.class.getResourceAsStream(RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
