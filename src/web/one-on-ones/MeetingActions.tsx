import { Button, Group, Menu } from "@mantine/core";
import {
  IconCalendarTime,
  IconCheck,
  IconDots,
  IconPlayerSkipForward,
  IconRepeat,
  IconSquareX,
} from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { Meeting, Series, UpdateMeeting } from "../../contract";
import { errorMessage } from "../api/errors";
import { invalidateMeetingViews, updateMeeting, updateSeries } from "../api/one-on-ones";
import { queryKeys } from "../api/queryKeys";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { overtakenBy } from "../components/OvertakenAlert";
import { MoveMeetingModal } from "./MoveMeetingModal";
import { SeriesSettingsModal } from "./SeriesSettingsModal";

type Dialog = "move" | "settings" | "end" | null;

interface MeetingActionsProps {
  meeting: Meeting;
  series: Series;
  myZone: string;
  otherName: string;
  onError: (message: string | null) => void;
}

/**
 * Held, Skipped and Move for a meeting still to come, and the series' settings. None of these
 * rewrites anyone's text, so when the meeting changed meanwhile (a stale version) it is sent again
 * at the version it has now, unless it is no longer to come.
 */
export function MeetingActions({ meeting, series, myZone, otherName, onError }: MeetingActionsProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pending, setPending] = useState<"held" | "skipped" | "end" | null>(null);
  const upcoming = meeting.state === "upcoming";
  const going = series.endedAt === null;

  const change = async (patch: Omit<UpdateMeeting, "version">): Promise<void> => {
    let version = meeting.version;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const updated = await updateMeeting(meeting.id, { version, ...patch });
        queryClient.setQueryData(queryKeys.meeting(updated.id), updated);
        break;
      } catch (failure) {
        const current = overtakenBy<Meeting>(failure);
        if (current?.state !== "upcoming" || attempt >= 2) {
          if (current) queryClient.setQueryData(queryKeys.meeting(current.id), current);
          throw failure;
        }
        version = current.version;
      }
    }
    await invalidateMeetingViews(queryClient, meeting.id);
  };

  const mark = async (state: "held" | "skipped") => {
    onError(null);
    setPending(state);
    try {
      await change({ state });
    } catch (failure) {
      onError(errorMessage(failure));
    } finally {
      setPending(null);
    }
  };

  const endSeries = async () => {
    onError(null);
    setPending("end");
    try {
      const updated = await updateSeries(series.id, { ended: true });
      queryClient.setQueryData(queryKeys.oneOnOne(updated.id), updated);
      // The meetings to come are skipped with the series: the list is where it lives on.
      setDialog(null);
      await navigate({ to: "/one-on-ones" });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.oneOnOnes }),
        queryClient.invalidateQueries({ queryKey: queryKeys.meetings }),
      ]);
    } catch (failure) {
      onError(errorMessage(failure));
      setDialog(null);
    } finally {
      setPending(null);
    }
  };

  return (
    <Group gap="xs">
      {upcoming && (
        <>
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            loading={pending === "held"}
            disabled={pending !== null}
            onClick={() => void mark("held")}
          >
            Held
          </Button>
          <Button
            variant="default"
            leftSection={<IconPlayerSkipForward size={16} aria-hidden />}
            loading={pending === "skipped"}
            disabled={pending !== null}
            onClick={() => void mark("skipped")}
          >
            Skipped
          </Button>
          <Button
            variant="default"
            leftSection={<IconCalendarTime size={16} aria-hidden />}
            disabled={pending !== null}
            onClick={() => setDialog("move")}
          >
            Move
          </Button>
        </>
      )}
      {going && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="subtle" color="gray" leftSection={<IconDots size={16} aria-hidden />}>
              Series
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconRepeat size={16} aria-hidden />}
              onClick={() => setDialog("settings")}
            >
              Change cadence or zone
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconSquareX size={16} aria-hidden />}
              onClick={() => setDialog("end")}
            >
              End series
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {upcoming && (
        <MoveMeetingModal
          meeting={meeting}
          myZone={myZone}
          opened={dialog === "move"}
          onClose={() => setDialog(null)}
          onMove={(scheduledAt) => change({ scheduledAt })}
        />
      )}
      {going && (
        <>
          <SeriesSettingsModal
            series={series}
            opened={dialog === "settings"}
            onClose={() => setDialog(null)}
          />
          <ConfirmDialog
            opened={dialog === "end"}
            title={`End your 1:1s with ${otherName}?`}
            confirmLabel="End series"
            pending={pending === "end"}
            onConfirm={() => void endSeries()}
            onClose={() => setDialog(null)}
          >
            No more meetings are planned. Past meetings, their notes and action items stay readable.
          </ConfirmDialog>
        </>
      )}
    </Group>
  );
}
