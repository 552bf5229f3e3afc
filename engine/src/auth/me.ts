import type { StaffRole } from '../generated/prisma/enums';

/** GET /api/me, and the answer to every sign-in (docs/api.md `Me`). */
export type Me =
  | {
      kind: 'staff';
      id: string;
      name: string;
      email: string;
      locale: string;
      company: { id: string; code: string; name: string };
      /** Company-wide roles apply to all estates and are included in each estate's roles. */
      estates: { id: string; code: string; name: string; roles: StaffRole[] }[];
      companyRoles: StaffRole[];
    }
  | {
      kind: 'person';
      id: string;
      name: string;
      phoneMasked: string;
      company: { id: string; code: string; name: string };
      units: { id: string; label: string; estateId: string; estateName: string; kind: 'owner' | 'tenant' }[];
    };
