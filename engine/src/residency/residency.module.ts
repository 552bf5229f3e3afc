import { Module } from '@nestjs/common';
import { RegisterResidentJobHandler } from './register-resident-job.handler';
import { ResidencyRepository } from './residency.repository';

/** Residencies that workflows create: the registerResident action's `register_resident` jobs. */
@Module({ providers: [RegisterResidentJobHandler, ResidencyRepository] })
export class ResidencyModule {}
