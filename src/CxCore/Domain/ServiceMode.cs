namespace CxCore.Domain;

/// <summary>Who serves the customer at a touchpoint.</summary>
public enum ServiceMode
{
    /// <summary>The customer serves themselves (web, app, kiosk).</summary>
    SelfService = 0,

    /// <summary>A person serves the customer (agent, phone, store staff).</summary>
    Assisted = 1,

    /// <summary>A machine converses with the customer (chatbot, IVR, intelligent virtual assistant).</summary>
    Automated = 2,
}
