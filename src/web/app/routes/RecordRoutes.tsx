import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { meQuery } from "../../api/me";
import { RecordPage } from "../../record/RecordPage";

const myRecord = getRouteApi("/app/record");
const personRecord = getRouteApi("/app/people/$id/record");

export function MyRecordRoute() {
  const me = useSuspenseQuery(meQuery).data;
  const navigate = myRecord.useNavigate();
  return (
    <RecordPage
      personId={me.id}
      search={myRecord.useSearch()}
      onSearchChange={(search) => void navigate({ search, replace: true })}
    />
  );
}

export function PersonRecordRoute() {
  const navigate = personRecord.useNavigate();
  const { id } = personRecord.useParams();
  return (
    <RecordPage
      key={id}
      personId={id}
      search={personRecord.useSearch()}
      onSearchChange={(search) => void navigate({ search, replace: true })}
    />
  );
}
