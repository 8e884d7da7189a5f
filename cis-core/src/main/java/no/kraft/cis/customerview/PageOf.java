package no.kraft.cis.customerview;

import java.util.List;

/** One page of a result in a stable order, with the total number of matches. */
public record PageOf<T>(List<T> items, int page, int size, long totalElements) {

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }
}
