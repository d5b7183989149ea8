package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The embedded demo runs on H2: the migrations and the queries of stored years must work there too. */
class CalendarYearsH2Test {

    @Test
    void shouldStoreAndReadRevisionsOnH2() throws Exception {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:calendar;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").table("motcua_schema_history").load().migrate();
        CalendarYears years = new CalendarYears(JdbcClient.create(h2), ShippedYears.read(ShippedYears.LOCATION),
                new CalendarProperties(null, null, null, Duration.ZERO));

        CalendarYear year2099 = YearDocuments.read(YearDocumentsTest.testYear2099(), 2099, "2099.yaml");
        assertThat(years.load(year2099).revision()).isEqualTo(1);
        assertThat(years.load(year2099).revision()).isEqualTo(2);

        assertThat(years.entry(2099)).hasValueSatisfying(found -> {
            assertThat(found.revision()).isEqualTo(2);
            assertThat(found.document()).isEqualTo(year2099);
        });
        assertThat(years.entry(2024)).hasValueSatisfying(found -> assertThat(found.source()).isEqualTo(CalendarYears.Source.SHIPPED));
        assertThat(years.all()).extracting(found -> found.document().year()).containsExactly(2024, 2025, 2026, 2099);
    }
}
