import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';

/** Estates, units, staff and people as the staff app looks them up; audited unmasking. */
@Module({ imports: [AccessModule], controllers: [PeopleController], providers: [PeopleService, PeopleRepository] })
export class PeopleModule {}
