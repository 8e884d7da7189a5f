package no.kraft.cis.api;

import no.kraft.cis.rule.FieldValidation;

/** Paging parameters as the API accepts them: {@code page} from 0, {@code size} 1–200. */
public record Pages(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static Pages of(Integer page, Integer size) {
        FieldValidation check = new FieldValidation();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            check.reject("page", "page.range", "page starts at 0");
        }
        if (s < 1 || s > MAX_SIZE) {
            check.reject("size", "size.range", "size is between 1 and " + MAX_SIZE);
        }
        check.throwIfInvalid();
        return new Pages(p, s);
    }
}
