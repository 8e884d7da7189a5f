package no.kraft.cis.api;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Decides who sees personal data in full. National ID and date of birth are shown only to customer service and
 * administrators, and only on single-customer views; lists always mask them.
 */
public final class PersonalData {

    private static final Set<String> MAY_SEE = Set.of("ROLE_CUSTOMER_SERVICE", "ROLE_ADMIN");

    private PersonalData() {
    }

    public static boolean visibleToCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(MAY_SEE::contains);
    }
}
