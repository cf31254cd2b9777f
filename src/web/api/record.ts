import { queryOptions } from "@tanstack/react-query";
import type { PacketFormat, Record as PersonRecord, TeamRecordEntry } from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

const personPath = (id: string) => `/api/v1/people/${encodeURIComponent(id)}`;

/** A period of local dates in the person's zone, both inclusive. */
export interface RecordPeriod {
  from: string;
  to: string;
}

const periodQuery = (period: RecordPeriod) => new URLSearchParams({ from: period.from, to: period.to });

/** What a person finished and dropped over a period, with its summary and weekly figures. */
export const recordQuery = (personId: string, period: RecordPeriod) =>
  queryOptions({
    queryKey: queryKeys.record(personId, period.from, period.to),
    queryFn: () => apiFetch<PersonRecord>(`${personPath(personId)}/record?${periodQuery(period)}`),
  });

/** Each direct report's figures for their current quarter, up to today. */
export const teamRecordQuery = (managerId: string) =>
  queryOptions({
    queryKey: queryKeys.teamRecord(managerId),
    queryFn: async () =>
      (await apiFetch<{ items: TeamRecordEntry[] }>(`${personPath(managerId)}/team/record`)).items,
  });

/** Where the review packet of a period downloads from, in one format. */
export function packetUrl(personId: string, period: RecordPeriod, format: PacketFormat): string {
  const query = periodQuery(period);
  query.set("format", format);
  return `${personPath(personId)}/record/packet?${query}`;
}
