import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';

export const APP_CONFIG = Symbol('APP_CONFIG');

export type EventStoreKind = 'sqlite' | 'eventstoredb';
export type NodeEnv = 'development' | 'production' | 'test';

/** pino's levels, most to least severe, and `silent` (nothing at all: for tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  dataDir: string;
  eventStore: EventStoreKind;
  eventStoreConnectionString?: string;
  auth: { jwtSecret?: string; jwksUrl?: string };
  nodeEnv: NodeEnv;
  /** The least severe level logged; audit lines go out at every level but `silent`. */
  logLevel: LogLevel;
  /** Requests a minute per token subject; 0: no rate limiting. */
  rateLimitPerMinute: number;
  /**
   * Not an environment variable: `serve` sets it on the embedded store, so the read models are kept
   * current in a worker thread beside the one answering requests (in-process when unset).
   */
  projectionsInWorker?: boolean;
}

/** The environment variables in docs/api.md, validated as a class so each names itself. */
class EnvironmentVariables {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'LEDGER_DATA_DIR must not be empty' })
  LEDGER_DATA_DIR?: string;

  @IsOptional()
  @IsIn(['sqlite', 'eventstoredb'], { message: 'EVENT_STORE must be sqlite or eventstoredb' })
  EVENT_STORE?: string;

  @ValidateIf(
    (env: EnvironmentVariables) =>
      env.EVENT_STORE === 'eventstoredb' || env.EVENTSTORE_CONNECTION_STRING !== undefined,
  )
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, {
    message: 'EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://',
  })
  @IsString({ message: 'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb' })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'AUTH_JWKS_URL must be an http(s) URL' },
  )
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be development, production or test',
  })
  NODE_ENV?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value)))
  @Max(1_000_000, { message: 'RATE_LIMIT_PER_MINUTE must be at most 1000000' })
  @Min(0, { message: 'RATE_LIMIT_PER_MINUTE must be 0 (off) or more' })
  // The decorator nearest the property is checked first (stopAtFirstError).
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be a whole number (0 turns rate limiting off)' })
  RATE_LIMIT_PER_MINUTE?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(
    ENVIRONMENT_VARIABLES.map((key) => [key, blankToUndefined(env[key])]),
  );
  const parsed = plainToInstance(EnvironmentVariables, known);
  const problems = [
    ...new Set(
      validateSync(parsed, { forbidUnknownValues: false, stopAtFirstError: true }).flatMap(
        (error) => Object.values(error.constraints ?? {}),
      ),
    ),
  ];
  const nodeEnv = (parsed.NODE_ENV ?? 'development') as NodeEnv;
  if (nodeEnv === 'production' && !parsed.AUTH_JWT_SECRET && !parsed.AUTH_JWKS_URL) {
    problems.push('AUTH_JWT_SECRET or AUTH_JWKS_URL must be set when NODE_ENV=production');
  }
  if (nodeEnv === 'production' && parsed.LOG_LEVEL === 'silent') {
    problems.push(
      'LOG_LEVEL must not be silent when NODE_ENV=production (it would drop the audit lines)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: parsed.PORT ?? 3000,
    dataDir: resolve(parsed.LEDGER_DATA_DIR ?? './data'),
    eventStore: (parsed.EVENT_STORE ?? 'sqlite') as EventStoreKind,
    eventStoreConnectionString: parsed.EVENTSTORE_CONNECTION_STRING,
    auth: { jwtSecret: parsed.AUTH_JWT_SECRET, jwksUrl: parsed.AUTH_JWKS_URL },
    nodeEnv,
    logLevel: (parsed.LOG_LEVEL ?? 'info') as LogLevel,
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE ?? 600,
  };
}

/** Only these are read from the environment. */
export const ENVIRONMENT_VARIABLES = [
  'PORT',
  'LEDGER_DATA_DIR',
  'EVENT_STORE',
  'EVENTSTORE_CONNECTION_STRING',
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_URL',
  'NODE_ENV',
  'LOG_LEVEL',
  'RATE_LIMIT_PER_MINUTE',
] as const;

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
