import { Global, Module } from '@nestjs/common';
import { DATABASE_URL, DatabaseService } from './database.service';
import { OwnerDatabase } from './owner-database.service';
import { TenantDatabase } from './tenant-database.service';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string) {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: url }, DatabaseService, TenantDatabase, OwnerDatabase],
      exports: [DATABASE_URL, DatabaseService, TenantDatabase, OwnerDatabase],
    };
  }
}
