package io.snackbase.request.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Query-string values of list routes (page numbers, sizes, sort orders, integers, booleans), read
 * from text so that a bad value is a 422 naming the parameter and not the 404 JAX-RS gives for an
 * unconvertible typed parameter.
 */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 100;

    private Paging() {}

    /**
     * One page of a {@code page}/{@code page_size} listing.
     *
     * @param page 1-based page number
     * @param pageSize items per page
     */
    public record Page(int page, int pageSize) {

        /** @return the rows to skip */
        public int offset() {
            return (page - 1) * pageSize;
        }

        /** @return {@code {items, total, page, page_size, total_pages}}, total_pages at least 1 */
        public Map<String, Object> body(List<?> items, long total) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("items", items);
            m.put("total", total);
            m.put("page", page);
            m.put("page_size", pageSize);
            m.put("total_pages", Math.max(1, (total + pageSize - 1) / pageSize));
            return m;
        }
    }

    /**
     * @param page the {@code page} parameter (at least 1), or null for 1
     * @param pageSize the {@code page_size} parameter (1 to 100), or null for the default
     * @return the page
     * @throws io.snackbase.api.errors.ApiException 422 for a value out of range or not an integer
     */
    public static Page page(String page, String pageSize, int defaultSize) {
        int size = integer("page_size", pageSize, 1, MAX_PAGE_SIZE, defaultSize);
        // the offset must fit the int that LIMIT/OFFSET are bound as
        int number = integer("page", page, 1, Integer.MAX_VALUE / size, 1);
        return new Page(number, size);
    }

    /**
     * @return the value, or the fallback when the parameter is absent
     * @throws io.snackbase.api.errors.ApiException 422 when present but not an integer in [min, max]
     */
    public static int integer(String field, String text, int min, int max, int fallback) {
        Integer value = optionalInteger(field, text, min, max);
        return value == null ? fallback : value;
    }

    /**
     * @return the value, or null when the parameter is absent
     * @throws io.snackbase.api.errors.ApiException 422 when present but not an integer in [min, max]
     */
    public static Integer optionalInteger(String field, String text, int min, int max) {
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw InputErrors.shape(field, "Input should be a valid integer, unable to parse string as an integer");
        }
        if (value < min) {
            throw InputErrors.shape(field, "Input should be greater than or equal to " + min);
        }
        if (value > max) {
            throw InputErrors.shape(field, "Input should be less than or equal to " + max);
        }
        return (int) value;
    }

    /**
     * @return the value ({@code true/false}, {@code 1/0}, {@code yes/no}, {@code on/off}), or null when absent
     * @throws io.snackbase.api.errors.ApiException 422 for other text
     */
    public static Boolean bool(String field, String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> throw InputErrors.shape(field, "Input should be a valid boolean, unable to interpret input");
        };
    }

    /**
     * @param text {@code asc} or {@code desc} (any case), or null for the fallback
     * @return {@code ASC} or {@code DESC}, the only texts that reach ORDER BY
     * @throws io.snackbase.api.errors.ApiException 422 for other text
     */
    public static String sortOrder(String field, String text, String fallback) {
        String value = text == null ? fallback : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "asc" -> "ASC";
            case "desc" -> "DESC";
            default -> throw InputErrors.shape(field, "String should match pattern '^(asc|desc)$'");
        };
    }

}
