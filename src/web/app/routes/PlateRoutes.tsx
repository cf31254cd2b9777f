import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { meQuery } from "../../api/me";
import { PlatePage } from "../../plate/PlatePage";

const myPlate = getRouteApi("/app/plate");
const personPlate = getRouteApi("/app/people/$id/plate");

export function MyPlateRoute() {
  const me = useSuspenseQuery(meQuery).data;
  const navigate = myPlate.useNavigate();
  return (
    <PlatePage
      ownerId={me.id}
      search={myPlate.useSearch()}
      onSearchChange={(search) => void navigate({ search, replace: true })}
    />
  );
}

export function PersonPlateRoute() {
  const navigate = personPlate.useNavigate();
  const { id } = personPlate.useParams();
  return (
    <PlatePage
      key={id}
      ownerId={id}
      search={personPlate.useSearch()}
      onSearchChange={(search) => void navigate({ search, replace: true })}
    />
  );
}
