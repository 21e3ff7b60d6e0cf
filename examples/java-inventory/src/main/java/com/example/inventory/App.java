package com.example.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints a stock report; SELFTEST=1 prints the version and the process uid. */
public final class App {
    private App() {
    }

    public static void main(String[] args) throws IOException {
        Stock stock = new Stock();
        stock.receive("SKU-1", 10);
        stock.ship("SKU-1", 3);
        if ("1".equals(System.getenv("SELFTEST"))) {
            String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
            System.out.println("inventory 1.0.0 uid=" + uid + " SKU-1=" + stock.level("SKU-1"));
            return;
        }
        System.out.println("SKU-1: " + stock.level("SKU-1"));
    }
}
