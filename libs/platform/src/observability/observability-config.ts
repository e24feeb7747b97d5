import { z } from 'zod';

/**
 * Settings of metrics and traces, read by every process (gateway and services) with the rest of its settings.
 * `OTEL_EXPORTER_OTLP_ENDPOINT` and `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` are OpenTelemetry's standard variables:
 * unset, nothing is exported (trace context is still carried and logged).
 */
export const observabilityConfigShape = {
  /** When set, `GET /metrics` wants `Authorization: Bearer <METRICS_TOKEN>`; unset, it answers anyone (as /health does). */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Base URL of an OTLP/HTTP receiver; traces go to `<it>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Full URL for traces only (wins over the base URL). */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
};

export interface ObservabilityConfig {
  SERVICE_NAME: string;
  METRICS_TOKEN?: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
}

/** Where spans are exported, or undefined when no OTLP endpoint is configured (then nothing leaves the process). */
export function otlpTracesUrl(config: ObservabilityConfig): string | undefined {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return undefined;
}
