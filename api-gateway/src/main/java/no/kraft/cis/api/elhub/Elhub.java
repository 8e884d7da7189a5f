package no.kraft.cis.api.elhub;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The Elhub parts exist only when the integration is configured; without it these endpoints answer 503. */
final class Elhub {

    private Elhub() {
    }

    static <T> T required(ObjectProvider<T> provider) {
        T bean = provider.getIfAvailable();
        if (bean == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the Elhub integration is not configured (cis.elhub.contracts.base-url)");
        }
        return bean;
    }
}
