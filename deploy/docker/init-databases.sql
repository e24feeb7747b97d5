-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d): one database per service (N3).
CREATE DATABASE opm_sales;
CREATE DATABASE opm_production;
CREATE DATABASE opm_purchasing;
CREATE DATABASE opm_quality;
CREATE DATABASE opm_finance;
CREATE DATABASE opm_logistics;
