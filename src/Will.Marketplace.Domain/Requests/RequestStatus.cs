namespace Will.Marketplace.Domain.Requests;

public enum RequestStatus
{
    Open,
    Pooled,
    Served,
    Withdrawn,
}
