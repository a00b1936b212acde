using System;
using System.Text;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>One HTTP response, fully read: status, media type, body, Retry-After.</summary>
    internal sealed class WorldCatResponse
    {
        public WorldCatResponse(int status, string? mediaType, byte[] body, TimeSpan? retryAfter)
        {
            Status = status;
            MediaType = mediaType;
            Body = body;
            RetryAfter = retryAfter;
        }

        public int Status { get; }

        public string? MediaType { get; }

        public byte[] Body { get; }

        public TimeSpan? RetryAfter { get; }

        public bool IsSuccess => Status >= 200 && Status <= 299;

        public string Text => Encoding.UTF8.GetString(Body);
    }
}
