package vn.motcua.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The document table; timestamps in UTC, as every node runs in UTC. */
@Repository
class DocumentRepository {

    private static final String COLUMNS = "id, dossier_code, slot, original_name, media_type, size_bytes, sha256, "
            + "purpose, uploaded_at, uploaded_by";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(DossierDocument d, String storageKey, String text) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document (dossier_code, slot, original_name, media_type, size_bytes, sha256, storage_key,
                    extracted_text, purpose, uploaded_at, uploaded_by)
                values (:dossierCode, :slot, :name, :mediaType, :size, :sha256, :storageKey, :text, :purpose,
                    :uploadedAt, :uploadedBy)
                """)
                .param("dossierCode", d.dossierCode())
                .param("slot", d.slot())
                .param("name", d.name())
                .param("mediaType", d.type().mediaType())
                .param("size", d.size())
                .param("sha256", d.sha256())
                .param("storageKey", storageKey)
                .param("text", text)
                .param("purpose", d.purpose().name())
                .param("uploadedAt", Timestamp.from(d.uploadedAt()))
                .param("uploadedBy", d.uploadedBy())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    List<DossierDocument> byDossier(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from document where dossier_code = ? order by id")
                .param(dossierCode).query(DocumentRepository::document).list();
    }

    Optional<Stored> find(String dossierCode, long id) {
        return jdbc.sql("select " + COLUMNS + ", storage_key from document where dossier_code = ? and id = ?")
                .params(dossierCode, id)
                .query((rs, row) -> new Stored(document(rs, row), rs.getString("storage_key")))
                .optional();
    }

    /** Documents whose file name or extracted text contains the words, ignoring case; newest first. */
    /** Matches among the dossiers of these units (their codes begin with the unit's code), or of all when null. */
    List<Match> search(String words, int limit, Set<String> units) {
        String pattern = "%" + likeEscaped(words.toLowerCase(Locale.ROOT)) + "%";
        List<String> unitPatterns = units == null ? List.of() : units.stream().map(unit -> likeEscaped(unit) + "-%").toList();
        String scope = units == null ? ""
                : unitPatterns.isEmpty() ? " and 1 = 0"
                : " and (" + java.util.stream.IntStream.range(0, unitPatterns.size())
                        .mapToObj(i -> "dossier_code like :unit" + i + " escape '\\'")
                        .collect(java.util.stream.Collectors.joining(" or ")) + ")";
        var query = jdbc.sql("select " + COLUMNS + ", extracted_text from document"
                        + " where (lower(original_name) like :pattern escape '\\'"
                        + " or lower(extracted_text) like :pattern escape '\\')" + scope
                        + " order by id desc fetch first " + limit + " rows only")
                .param("pattern", pattern);
        for (int i = 0; i < unitPatterns.size(); i++) {
            query = query.param("unit" + i, unitPatterns.get(i));
        }
        return query.query((rs, row) -> new Match(document(rs, row), rs.getString("extracted_text"))).list();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record Stored(DossierDocument document, String storageKey) {
    }

    record Match(DossierDocument document, String text) {
    }

    private static DossierDocument document(ResultSet rs, int row) throws SQLException {
        return new DossierDocument(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("slot"),
                rs.getString("original_name"),
                DocumentType.ofMediaType(rs.getString("media_type")).orElseThrow(),
                rs.getLong("size_bytes"), rs.getString("sha256"), Purpose.valueOf(rs.getString("purpose")),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getString("uploaded_by"));
    }
}
