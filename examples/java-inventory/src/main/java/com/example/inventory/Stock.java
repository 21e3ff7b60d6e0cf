package com.example.inventory;

import java.util.Map;
import java.util.TreeMap;

/** Stock levels per SKU. */
public final class Stock {
    private final Map<String, Integer> levels = new TreeMap<>();

    public void receive(String sku, int quantity) {
        levels.merge(sku, quantity, Integer::sum);
    }

    public boolean ship(String sku, int quantity) {
        int have = levels.getOrDefault(sku, 0);
        if (have < quantity) {
            return false;
        }
        levels.put(sku, have - quantity);
        return true;
    }

    public int level(String sku) {
        return levels.getOrDefault(sku, 0);
    }
}
