export {
  type Config,
  ConfigError,
  configSchema,
  loadConfig,
  loadConfigOrExit,
  type OidcIssuerConfig,
} from './config.ts';
