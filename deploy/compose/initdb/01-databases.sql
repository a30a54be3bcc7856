-- One database per service; each service's Flyway migrations create its schema on start.
CREATE DATABASE duban_org;
CREATE DATABASE duban_task;
CREATE DATABASE duban_report;
