package io.snackbase.storage.jdbc.internal;

/** A row of the test table, mapped by MyBatis through its setters. */
public class TestItem {
    private String id;
    private String name;
    private Long quantity;

    public TestItem() {}

    public TestItem(String id, String name, Long quantity) {
        this.id = id;
        this.name = name;
        this.quantity = quantity;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getQuantity() { return quantity; }
    public void setQuantity(Long quantity) { this.quantity = quantity; }
}
