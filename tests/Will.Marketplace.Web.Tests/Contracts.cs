namespace Will.Marketplace.Web.Tests;

internal sealed record Slot(string Day, string Start, string End);

internal sealed record Pool(Guid Id, string CategoryCode, string MunicipalityCode, string Status, int MemberCount, int Capacity, int Quorum, int PlacesLeft, List<Slot> Schedule);

internal sealed record Request(Guid Id, string CategoryCode, string MunicipalityCode, string Status, Guid? PoolId, List<Slot> Schedule, Dictionary<string, string> Attributes, long? MaxPricePerHourCents);

internal sealed record Created(Request Request, Pool Pool, bool StartedNewPool);

internal sealed record Problem(string? Title, int Status, Dictionary<string, string[]>? Errors);

internal sealed record Me(Guid Id, string Email, string DisplayName, List<string> Roles, string? MunicipalityCode, string? MunicipalityName);

internal sealed record PoolUpdatedEvent(Guid PoolId, string CategoryCode, string Status, int MemberCount, int Capacity, int Quorum, long Version);

internal sealed record MatchFoundEvent(Guid RequestId, Guid PoolId, bool StartedNewPool, int MemberCount, int Quorum);

internal sealed record AntiforgeryToken(string Token, string HeaderName);
