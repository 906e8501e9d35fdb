import { z } from 'zod';
import { freeText, organisationIdSchema } from '../../lib/schemas.ts';
import { organisationSchema } from './organisations.schemas.ts';

export const changeFederationBody = z
  .object({
    federationId: organisationIdSchema
      .nullable()
      .meta({ description: 'The federation (kommunförbund) the municipality belongs to from now on; null: it leaves its federation and belongs to none.' }),
    reason: freeText(1000).describe('Why; kept in the membership history and the audit log.'),
  })
  .strict()
  .meta({ example: { federationId: 'demo-forbundet', reason: 'Kommunfullmäktige beslutade om inträde i förbundet 2026-11-20.' } });

export const membershipPeriodSchema = z
  .object({
    id: z.uuid(),
    municipalityId: z.string(),
    federationId: z.string().describe('The federation the municipality belonged to during the period.'),
    from: z.date().describe('When the period began (the database’s clock): the registration, a join or a move.'),
    until: z.date().nullable().describe('When it ended (a move or a leave); null for the current period.'),
    changedBy: z.string().describe('The API client (JWT sub) that began the period; `migration:0021` for a period from before the history was kept.'),
    reason: z.string().describe('Why it began.'),
    endedBy: z.string().nullable().describe('The API client (JWT sub) that ended it.'),
    endReason: z.string().nullable().describe('Why it ended.'),
  })
  .meta({ id: 'FederationMembershipPeriod' });

type Period = { id: string; municipalityId: string; federationId: string; validFrom: Date; validUntil: Date | null; changedBy: string; reason: string; endedBy: string | null; endReason: string | null };
export const periodOf = ({ validFrom, validUntil, ...rest }: Period): z.infer<typeof membershipPeriodSchema> => ({ ...rest, from: validFrom, until: validUntil });

export const federationChangeSchema = z
  .object({
    organisation: organisationSchema.describe('The municipality as it is now: its federationId is the new federation, or null.'),
    ended: membershipPeriodSchema.nullable().describe('The period this change ended (a move or a leave); null for a join.'),
    began: membershipPeriodSchema.nullable().describe('The period this change began (a join or a move); null for a leave.'),
  })
  .meta({ id: 'FederationChange' });

export const membershipHistorySchema = z
  .object({
    municipalityId: z.string(),
    federationId: z.string().nullable().describe('Its federation now (null: none).'),
    items: z.array(membershipPeriodSchema).describe('Every period it belonged to a federation, oldest first; gaps are times it belonged to none.'),
  })
  .meta({ id: 'FederationMembershipHistory' });

export const federationMembersSchema = z
  .object({
    federationId: z.string(),
    items: z
      .array(
        z.object({
          municipalityId: z.string(),
          name: z.string(),
          municipalityCode: z.string().nullable().describe('kommunkod.'),
          since: z.date().describe('When its current period in this federation began.'),
          changedBy: z.string().describe('The API client (JWT sub) that began the period.'),
          reason: z.string(),
        }),
      )
      .describe('The municipalities that belong to the federation now, by id.'),
  })
  .meta({ id: 'FederationMembers' });
