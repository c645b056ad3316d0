export { type Config, ConfigError, configSchema, loadConfig, type OidcIssuerConfig } from './config.ts';
