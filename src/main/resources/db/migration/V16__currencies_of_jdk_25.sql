-- The service runs on JDK 25 (docs/adr/0021-jdk-25.md), whose currency list has one code that
-- JDK 17.0.15's, from which V1 took the table, did not: XAD, the Arab Accounting Dinar of the
-- Arab Monetary Fund (ISO 4217 amendment 179, 2 minor units). Without it, Currencies.find would
-- accept the code and the foreign key refuse it (docs/adr/0001-money-as-minor-units.md).
-- CurrencyTableTest holds the table to the runtime's list.
INSERT INTO currency (code, minor_units) VALUES ('XAD', 2);
