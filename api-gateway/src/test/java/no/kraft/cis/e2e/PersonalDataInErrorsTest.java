package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;

/**
 * A constraint violation that only a race can cause (two clients registering the same person at once) must not put
 * the national ID into an exception message — messages end up in logs.
 */
class PersonalDataInErrorsTest extends ApiTest {

    @Test
    void databaseErrorsDoNotQuoteTheNationalId() {
        String nationalId = TestData.nationalId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(nationalId, "Race", "One")).status())
                .isEqualTo(201);
        // Bypass the service's own duplicate check, as the losing side of a race would.
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into customer (customer_number, kind, national_id, date_of_birth, first_name, last_name,
                            search_name, version, created_at, created_by, updated_at, updated_by)
                        values (nextval('customer_number_seq'), 'PRIVATE', :id, date '1985-03-15', 'Race', 'Two', 'race two',
                            0, now(), 'test', now(), 'test')""").param("id", nationalId).update())
                .hasMessageContaining("customer_national_id_uq")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(nationalId);
                    }
                });
    }
}
