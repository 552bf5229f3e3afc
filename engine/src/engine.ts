import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { AppModule } from './app.module';
import { ConfigError, type EngineConfig, loadConfig } from './config/config';
import { engineVersion } from './common/engine-version';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { JsonLogger } from './common/json-logger';
import { startEmbeddedPostgres, type RunningDatabase } from './database/embedded-postgres';
import { migrate } from './database/migrator';
import { seedDemo } from './seed/seed-demo';
import { printWelcome } from './welcome';
import { securityHeaders } from './web/security-headers';
import { serveWebApps } from './web/serve-web-apps';

export interface RunningEngine {
  url: string;
  config: EngineConfig;
  log(message: string): void;
  close(): Promise<void>;
}

/** Request bodies larger than this are refused with 413 before they are parsed. */
const BODY_LIMIT = '1mb';

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

    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
      logger,
      bodyParser: false,
    });
    app.disable('x-powered-by');
    // Express hashes every response body for an ETag, POSTs included; no API client revalidates
    // with If-None-Match, so that was CPU for nothing on every request (the web apps' static
    // files keep theirs: serve-static sets its own).
    app.disable('etag');
    app.set('trust proxy', 'loopback');
    app.use(securityHeaders);
    app.use('/api', express.json({ limit: BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }));
    app.use(cookieParser());
    app.setGlobalPrefix('api');
    app.useGlobalFilters(new HttpExceptionFilter());
    app.enableShutdownHooks();

    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('EstateFlow API').setVersion(engineVersion()).addCookieAuth('ef_session').addBearerAuth().build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
    serveWebApps(app.getHttpAdapter().getInstance(), config.webRoot);

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
