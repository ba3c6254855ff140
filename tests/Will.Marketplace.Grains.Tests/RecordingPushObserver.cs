using System.Collections.Immutable;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Grains.Tests;

/// <summary>Stands in for a silo's SignalR hub: keeps what was delivered and wakes tests waiting for it.</summary>
public sealed class RecordingPushObserver : IPushObserver
{
    private readonly Lock _gate = new();
    private readonly List<LiveMessage> _delivered = [];
    private readonly List<(Func<LiveMessage, bool> Matches, TaskCompletionSource<LiveMessage> Arrived)> _waiting = [];

    public Task Deliver(ImmutableArray<LiveMessage> messages)
    {
        lock (_gate)
        {
            _delivered.AddRange(messages);
            foreach (var waiter in _waiting.ToList())
            {
                var match = messages.FirstOrDefault(waiter.Matches);
                if (match is not null && waiter.Arrived.TrySetResult(match))
                {
                    _waiting.Remove(waiter);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>What was delivered so far, in order.</summary>
    public IReadOnlyList<LiveMessage> Delivered()
    {
        lock (_gate)
        {
            return [.. _delivered];
        }
    }

    /// <summary>The first message, delivered before or after the call, that matches; TimeoutException if none comes in time.</summary>
    public Task<LiveMessage> WaitFor(Func<LiveMessage, bool> matches, TimeSpan timeout)
    {
        lock (_gate)
        {
            var delivered = _delivered.FirstOrDefault(matches);
            if (delivered is not null)
            {
                return Task.FromResult(delivered);
            }

            var arrived = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((matches, arrived));
            return arrived.Task.WaitAsync(timeout);
        }
    }
}
