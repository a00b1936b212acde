namespace OclcCataloging.Gateway.Koha
{
    /// <summary>Where a spooled record stands; each state is a sub-folder of the spool.</summary>
    public enum KohaSpoolState
    {
        /// <summary>Koha certainly did not get it: the resend sends it.</summary>
        Pending = 0,

        /// <summary>Sent with no usable answer: it may be in Koha; never sent again automatically (check Koha, then move it to pending).</summary>
        Unknown,

        /// <summary>Being sent now; one left here after a crash becomes Unknown.</summary>
        InFlight,

        /// <summary>Koha processed and refused it on resend.</summary>
        Refused,
    }
}
