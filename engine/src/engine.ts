import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ConfigError, type EngineConfig, loadConfig } from './config/config';
import { engineVersion } from './common/engine-version';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { JsonLogger } from './common/json-logger';
import { MetricsService } from './metrics/metrics.service';
import { startEmbeddedPostgres, type RunningDatabase } from './database/embedded-postgres';
import { migrate } from './database/migrator';
import { seedDemo } from './seed/seed-demo';
import { printWelcome } from './welcome';
import { JSON_BODY_LIMIT, registerBodyParsers } from './web/body-parsers';
import { setSecurityHeaders } from './web/security-headers';
import { serveWebApps } from './web/serve-web-apps';

export interface RunningEngine {
  url: string;
  config: EngineConfig;
  log(message: string): void;
  close(): Promise<void>;
}

/** The HTTP server's own settings; request bodies are read by web/body-parsers.ts. */
function httpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // X-Forwarded-For and X-Forwarded-Proto count only when a proxy on this machine sends them.
    trustProxy: 'loopback',
    bodyLimit: JSON_BODY_LIMIT,
    // Node's own idle keep-alive (Fastify's default is 72 s): idle sockets go as they did before.
    keepAliveTimeout: 5_000,
    // "/api/me/" is "/api/me", and an over-long id gets its 400 from validation, not a router 404.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
  });
}

/** Loads configuration, brings up the database and migrations, then the HTTP server. */
export async function createEngine(env: NodeJS.ProcessEnv = process.env): Promise<RunningEngine> {
  let config: EngineConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`configuration: ${error.message}`);
    throw error;
  }
  const logger = new JsonLogger(config.logLevel);
  const log = (message: string) => logger.log(message, 'EstateFlow');

  let embedded: RunningDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    embedded = await startEmbeddedPostgres(config.dataDir, (message) => logger.warn(message, 'PostgreSQL'));
    databaseUrl = embedded.url;
    log(`Embedded PostgreSQL running in ${config.dataDir}`);
  }
  try {
    const { applied } = await migrate(databaseUrl);
    log(`Database schema current (${applied.length} migrations).`);

    // Fastify sends neither X-Powered-By nor ETags on API replies (the web apps' static files
    // keep theirs); the session cookie is read where it is needed (auth/session-cookie.ts).
    const adapter = httpAdapter();
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
      logger,
      bodyParser: false,
    });
    const fastify = adapter.getInstance();
    registerBodyParsers(fastify);
    const metrics = app.get(MetricsService);
    fastify.addHook('onResponse', (request, reply, done) => {
      metrics.observeRequest({
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        seconds: reply.elapsedTime / 1000,
      });
      done();
    });
    // Runs as each request comes in, before routing errors, 404s and Nest middleware.
    adapter.registerSecurityHook((_request, response) => {
      setSecurityHeaders(response);
      return undefined;
    });
    app.setGlobalPrefix('api');
    app.useGlobalFilters(new HttpExceptionFilter(app.getHttpAdapter()));
    app.enableShutdownHooks();

    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('EstateFlow API').setVersion(engineVersion()).addCookieAuth('ef_session').addBearerAuth().build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
    serveWebApps(fastify, config.webRoot);

    // Demo data on first start of an empty database (after migrate, before the welcome prints its logins).
    if (config.seedDemo) await seedDemo(app);
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const url = `http://localhost:${port}`;
    printWelcome({ url, config, log });

    return {
      url,
      config,
      log,
      close: async () => {
        await app.close();
        if (embedded) await embedded.stop();
      },
    };
  } catch (error) {
    if (embedded) await embedded.stop();
    throw error;
  }
}
