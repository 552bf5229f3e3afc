import { Global, Module } from '@nestjs/common';
import { DATABASE_URL, DatabaseService } from './database.service';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string) {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: url }, DatabaseService],
      exports: [DatabaseService],
    };
  }
}
